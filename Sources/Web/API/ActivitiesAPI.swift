import Foundation
import Hummingbird
import OpenAPIRuntime
import Review

extension APIHandler {
    static func searchResult(_ page: ActivitySearchPage) -> [String: String] { ["total": String(page.total)] }
}
