// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "DxKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DxStats", targets: ["DxStats"]),
        .library(name: "DxEvidence", targets: ["DxEvidence"]),
        .library(name: "DxReferral", targets: ["DxReferral"]),
        .library(name: "DxMeta", targets: ["DxMeta"]),
        .library(name: "DxReport", targets: ["DxReport"]),
        .executable(name: "dxkit", targets: ["dxkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "DxStats", dependencies: ["CGSL"]),
        .target(name: "DxEvidence", dependencies: ["DxStats"]),
        .target(name: "DxReferral", dependencies: ["DxStats", "DxEvidence"]),
        .target(name: "DxMeta", dependencies: ["DxStats", "DxEvidence", "CGSL"]),
        .target(name: "DxReport", dependencies: ["DxStats", "DxEvidence", "DxReferral", "DxMeta"]),
        .target(
            name: "DxKitCommands",
            dependencies: [
                "DxStats", "DxEvidence", "DxReferral", "DxMeta", "DxReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "dxkit", dependencies: ["DxKitCommands"]),
        .testTarget(
            name: "DxStatsTests",
            dependencies: ["DxStats"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DxMetaTests",
            dependencies: ["DxMeta", "DxStats"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DxEvidenceTests",
            dependencies: ["DxEvidence", "DxStats"]
        ),
        .testTarget(
            name: "DxReferralTests",
            dependencies: ["DxReferral", "DxEvidence", "DxStats"]
        ),
        .testTarget(
            name: "DxReportTests",
            dependencies: ["DxReport", "DxStats", "DxEvidence"]
        ),
        .testTarget(
            name: "DxKitCommandsTests",
            dependencies: ["DxKitCommands", "DxStats", "DxReport", "dxkit"]
        ),
    ]
)
