// swift-tools-version: 6.1
import PackageDescription

// Imports point one way: wsis → App → Web, Storage, Reporting → Review → Resolutions.
// Web never imports Storage (it is given its services by App, the composition root).
// Resolutions and Review import no framework (Foundation, Synchronization and Crypto digests only).
// scripts/check-architecture.sh fails when a source file breaks one of these rules.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "wsis",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wsis", targets: ["wsis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // Reading .docx (a zip of XML parts) in the Resolutions module; no zip support in Foundation on Linux.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // multipart/form-data for file uploads from plain HTML forms (Hummingbird has no parser of its own).
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        // gzip for text answers (zlib, through NIO's ByteBuffer).
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "Resolutions",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        .target(
            name: "Review",
            dependencies: [
                "Resolutions",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("ReferenceData/Data"), .copy("Calendar/Seed")],
            swiftSettings: strict
        ),
        .target(
            name: "Storage",
            dependencies: [
                "Review",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Reporting",
            dependencies: ["Review"],
            swiftSettings: strict
        ),
        .target(
            name: "Web",
            dependencies: [
                "Review",
                "Reporting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Templates"), .copy("Strings"), .copy("Assets"), .copy("openapi.yaml")],
            swiftSettings: strict,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // The composition root: settings, the database, the stores and clients wired into the
        // services, the background work of the server. Used by wsis and the tests only.
        .target(
            name: "App",
            dependencies: [
                "Review",
                "Storage",
                "Web",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "wsis",
            dependencies: [
                "App",
                "Resolutions",
                "Web",
                "Storage",
                "Review",
                "Reporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "App", "Storage", "Review", "Web",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "ResolutionsTests",
            dependencies: ["Resolutions", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Writers"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(name: "ReviewTests", dependencies: ["App", "Review", "Resolutions", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Review", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "StorageTests",
            dependencies: ["App", "Storage", "Review", "TestSupport", .product(name: "SQLKit", package: "sql-kit")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "App", "Web", "Storage", "Review", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
