// swift-tools-version: 6.1
// libFuzzer targets for every parser DxKit exposes to input from outside:
// the CSV record reader and batch engines, patient JSON and the patient
// stream, evidence records, and the --sign / --pretest / --level / --gate
// specifications. A separate package (DxKit by path) because the targets
// need `-sanitize=fuzzer,address`, which the normal build must not get.
//
// Build and run with scripts/fuzz.sh (a few seconds each in scripts/test.sh).
import PackageDescription

let fuzzTargets = ["FuzzCSVReader", "FuzzPatientJSON", "FuzzEvidenceRecords", "FuzzSpecifications"]

let package = Package(
    name: "DxKitFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "DxKit", path: "..")
    ],
    targets: [
        .target(name: "FuzzDriver")
    ]
        + fuzzTargets.map { name in
            .executableTarget(
                name: name,
                dependencies: [
                    "FuzzDriver",
                    .product(name: "DxStats", package: "DxKit"),
                    .product(name: "DxEvidence", package: "DxKit"),
                    .product(name: "DxReferral", package: "DxKit"),
                    .product(name: "DxReport", package: "DxKit"),
                    .product(name: "DxIO", package: "DxKit"),
                    .product(name: "DxBatch", package: "DxKit"),
                ]
            )
        }
)
