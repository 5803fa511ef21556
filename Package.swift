// swift-tools-version: 6.1
// DxKit's libraries, with no package dependencies: an embedder resolves only
// this package (GSL comes from the system). The command-line tool `dxkit`,
// which adds swift-argument-parser, is the package in Tool/.
import PackageDescription

let package = Package(
    name: "DxKit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "DxStats", targets: ["DxStats"]),
        .library(name: "DxEvidence", targets: ["DxEvidence", "DxEvidenceFormat"]),
        .library(name: "DxReferral", targets: ["DxReferral"]),
        .library(name: "DxMeta", targets: ["DxMeta"]),
        .library(name: "DxReport", targets: ["DxReport"]),
        .library(name: "DxIO", targets: ["DxIO"]),
        .library(name: "DxBatch", targets: ["DxBatch"]),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "DxStats", dependencies: ["CGSL"]),
        // The evidence format: records, strict reading, validation (also used at build time).
        .target(name: "DxEvidenceFormat"),
        // Also runs the built-in signs' Monte Carlo simulations at build time (DxStats).
        .executableTarget(name: "EvidenceCompiler", dependencies: ["DxEvidenceFormat", "DxStats"]),
        .plugin(name: "EmbedEvidence", capability: .buildTool(), dependencies: ["EvidenceCompiler"]),
        .target(name: "DxEvidence", dependencies: ["DxStats", "DxEvidenceFormat"], plugins: ["EmbedEvidence"]),
        .target(name: "DxReferral", dependencies: ["DxStats", "DxEvidence"]),
        .target(name: "DxMeta", dependencies: ["DxStats", "DxEvidence", "CGSL"]),
        .target(name: "DxReport", dependencies: ["DxStats", "DxEvidence", "DxReferral", "DxMeta"]),
        .target(name: "DxIO"),
        .target(name: "DxBatch", dependencies: ["DxIO", "DxStats", "DxEvidence", "DxReferral", "DxReport"]),
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
            dependencies: ["DxReferral", "DxEvidence", "DxStats", "DxReport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DxReportTests",
            dependencies: ["DxReport", "DxStats", "DxEvidence"]
        ),
        .testTarget(
            name: "DocumentationExamplesTests",
            dependencies: ["DxStats", "DxEvidenceFormat", "DxEvidence", "DxReferral", "DxMeta", "DxReport", "DxIO", "DxBatch"]
        ),
        .testTarget(
            name: "DxIOTests",
            dependencies: ["DxIO"]
        ),
        .testTarget(
            name: "DxBatchTests",
            dependencies: ["DxBatch", "DxIO", "DxStats", "DxEvidence", "DxReferral", "DxReport"]
        ),
    ]
)
