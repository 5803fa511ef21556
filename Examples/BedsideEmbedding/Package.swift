// swift-tools-version: 6.1
// A small separate package that embeds DxKit by path and uses its public API:
// the proof that the libraries can be used from other Swift software.
import PackageDescription

let package = Package(
    name: "BedsideEmbedding",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "DxKit", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "BedsideEmbedding",
            dependencies: [
                .product(name: "DxStats", package: "DxKit"),
                .product(name: "DxEvidence", package: "DxKit"),
                .product(name: "DxReferral", package: "DxKit"),
                .product(name: "DxReport", package: "DxKit"),
            ]
        )
    ]
)
