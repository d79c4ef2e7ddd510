// swift-tools-version: 6.0
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode plus the upcoming features the house style asks for.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Transparencia",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "transparencia", targets: ["transparencia"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // glibc's mallopt, for the executable's memory policy (Transparencia.main).
        .systemLibrary(name: "CMalloc"),
        // sqlite3_config, for SQLite's threading mode (Ledger's SQLiteSettings).
        .systemLibrary(name: "CSQLiteSettings", providers: [.apt(["libsqlite3-dev"])]),
        .target(
            name: "Domain",
            exclude: ["Catalogs/csv"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Formats",
            dependencies: [
                "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Fetch",
            dependencies: ["CCurl", "Formats"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Importers",
            dependencies: ["Domain", "Formats", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Ledger",
            dependencies: [
                "Domain", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for binding the values of an import's per-line statements (BoundStatement).
                .product(name: "GRDBSQLite", package: "GRDB.swift"), "CSQLiteSettings",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Linking",
            dependencies: ["Domain"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "Domain", "Formats", "Importers", "Ledger", "Linking", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Checks",
            dependencies: ["Domain", "Ledger"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RedFlags",
            dependencies: ["Domain", "Formats", "Ledger", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Publishing",
            dependencies: [
                "Domain", "Ledger", "Formats", "Checks", "Linking",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The portal's templates are compiled in (Portal/PortalTemplates+Generated.swift, written by
            // Scripts/generate-portal-templates) so a binary copied alone still publishes.
            exclude: ["Portal/Templates"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "transparencia",
            dependencies: [
                "Domain", "Formats", "Fetch", "Importers", "Ledger", "Pipeline", "Checks", "Publishing", "Linking",
                "RedFlags", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Domain"],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DomainTests",
            dependencies: ["Domain", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormatsTests",
            dependencies: [
                "Formats", "CLibXML2", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FetchTests",
            dependencies: ["Fetch", "CCurl", "Domain", "Ledger", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ImportersTests",
            dependencies: [
                "Importers", "Domain", "Formats", "Ledger", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LedgerTests",
            dependencies: ["Ledger", "Domain", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LinkingTests",
            dependencies: ["Linking", "Domain", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "Pipeline", "Importers", "Ledger", "Domain", "Linking", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChecksTests",
            dependencies: ["Checks", "Ledger", "Domain", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RedFlagsTests",
            dependencies: ["RedFlags", "Ledger", "Domain", "Importers", "Publishing", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PublishingTests",
            dependencies: [
                "Publishing", "Ledger", "Domain", "Formats", "Linking", "TestSupport",
                // Raw SQL plants stored values no import writes (vinculos read in place).
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TransparenciaCLITests",
            dependencies: [
                "TestSupport", "Ledger", "Domain", "transparencia", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
    ]
)

// libFuzzer targets (Tests/Fuzz/<Name>), declared only for `Scripts/fuzz`, which builds them in `.build-fuzz` with
// `-sanitize=fuzzer,address`: a normal build never sees them (libFuzzer supplies their `main`).
if Context.environment["TRANSPARENCIA_FUZZ"] == "1" {
    package.targets += [
        .systemLibrary(name: "CFuzzDriver", path: "Tests/Fuzz/CFuzzDriver"),
        .target(
            name: "FuzzSupport", dependencies: ["CFuzzDriver"], path: "Tests/Fuzz/FuzzSupport",
            swiftSettings: swiftSettings),
    ]
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzCSVReader", ["Formats"]),
        ("FuzzJSONScanner", ["Formats"]),
        ("FuzzXLSXReader", ["Formats"]),
        ("FuzzNOGPage", ["Importers", "Formats"]),
        ("FuzzCKANExecution", ["Importers"]),
        ("FuzzMoneyAndDates", ["Domain", "Formats"]),
    ]
    for target in fuzzTargets {
        package.targets.append(
            .executableTarget(
                name: target.name, dependencies: target.dependencies + ["FuzzSupport"],
                path: "Tests/Fuzz/\(target.name)",
                swiftSettings: swiftSettings))
        package.products.append(.executable(name: target.name, targets: [target.name]))
    }
}
