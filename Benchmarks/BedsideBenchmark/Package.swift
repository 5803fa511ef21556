// swift-tools-version: 6.1
// The in-process bedside benchmark: a separate package that uses DxKit by
// path (like Examples/BedsideEmbedding) and times the bedside computation
// through the public API, without process start. CI builds it but does not
// run it (scripts/test.sh); run it with
//   swift run -c release --package-path Benchmarks/BedsideBenchmark
import PackageDescription

let package = Package(
    name: "BedsideBenchmark",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "DxKit", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "BedsideBenchmark",
            dependencies: [
                .product(name: "DxStats", package: "DxKit"),
                .product(name: "DxEvidence", package: "DxKit"),
                .product(name: "DxReferral", package: "DxKit"),
            ]
        )
    ]
)
