// swift-tools-version: 6.1
// The `dxkit` command-line tool: a thin shell over DxKit's libraries (the
// package one level up, by path) that parses arguments with
// swift-argument-parser and renders. A separate package so that embedders
// of the libraries never resolve swift-argument-parser.
//
//     swift build --package-path Tool -c release --product dxkit
//     swift test --package-path Tool
import PackageDescription

let package = Package(
    name: "DxKitTool",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dxkit", targets: ["dxkit"])
    ],
    dependencies: [
        .package(name: "DxKit", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "DxKitCommands",
            dependencies: [
                .product(name: "DxStats", package: "DxKit"),
                .product(name: "DxEvidence", package: "DxKit"),
                .product(name: "DxReferral", package: "DxKit"),
                .product(name: "DxMeta", package: "DxKit"),
                .product(name: "DxReport", package: "DxKit"),
                .product(name: "DxIO", package: "DxKit"),
                .product(name: "DxBatch", package: "DxKit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Generic types such as Option<String?> are instantiated through their metadata accessors
            // instead of from mangled names, which makes the runtime check each generic requirement by
            // scanning every protocol conformance record: 2.3 M fewer instructions (about 0.4 ms) at
            // every start (Benchmarks/RESULTS.md). Allowed because this package is never a dependency.
            swiftSettings: [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]
        ),
        .executableTarget(name: "dxkit", dependencies: ["DxKitCommands"]),
        .testTarget(
            name: "DxKitCommandsTests",
            dependencies: [
                "DxKitCommands", "dxkit",
                .product(name: "DxStats", package: "DxKit"),
                .product(name: "DxReport", package: "DxKit"),
                .product(name: "DxIO", package: "DxKit"),
            ],
            exclude: ["HelpSnapshots"]
        ),
    ]
)
