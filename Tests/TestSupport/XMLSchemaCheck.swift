import Foundation

/// Validates XML against a standard's XSD with xmllint (Debian libxml2-utils), from
/// `../shared/schemas`; the tests that need it are reported as skipped when either is absent.
public struct XMLSchemaCheck: Sendable {
    /// Akoma Ntoso 3.0, for resolutions.
    public static let akomaNtoso = XMLSchemaCheck(schema: "akn/akomantoso30.xsd", standard: "Akoma Ntoso")
    /// IATI activity standard 2.03, for the registry's export.
    public static let iati = XMLSchemaCheck(schema: "iati/iati-activities-schema.xsd", standard: "IATI")

    /// The schema's path under `../shared/schemas`.
    let schema: String
    let standard: String

    public var schemaFile: URL? { SharedFolder.url?.appendingPathComponent("schemas").appendingPathComponent(schema) }

    static let xmllint = ExternalProgram.find(["/usr/bin/xmllint", "/usr/local/bin/xmllint"])

    /// Whether xmllint and the schema are both here.
    public var isAvailable: Bool {
        guard let schemaFile, FileManager.default.fileExists(atPath: schemaFile.path) else { return false }
        return Self.xmllint != nil
    }

    /// Why a test that validates is skipped.
    public var unavailable: String { "xmllint (Debian libxml2-utils) or ../shared/schemas/\(schema) is absent, so \(standard) output cannot be validated" }

    /// Nil when valid; the validator's complaint otherwise. Only for tests enabled `if: isAvailable`.
    public func problems(_ xml: String) throws -> String? {
        guard let schemaFile, let xmllint = Self.xmllint else { return "cannot validate: \(unavailable)" }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("schema-check-\(UUID().uuidString).xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try ExternalProgram.run(xmllint, ["--noout", "--schema", schemaFile.path, file.path])
        return status == 0 ? nil : output
    }
}
