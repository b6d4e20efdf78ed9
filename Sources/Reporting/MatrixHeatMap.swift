import Foundation
import Resolutions
import Review

/// The WSIS-SDG Matrix as an SVG heat map of published activities: one row per Action Line, one
/// column per goal. Each cell prints its count, so the map reads without colour; cells the matrix
/// links are outlined.
public enum MatrixHeatMap {
    public static func svg(grid: MatrixGrid, activities: [String: Int], title: String, description: String) -> String {
        let cell = 34, left = 70, top = 28
        let width = left + cell * grid.goals.count + 4
        let height = top + cell * grid.rows.count + 4
        let maximum = max(activities.values.max() ?? 0, 1)
        let escape = { Markup.escape($0) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"heat-title heat-desc\" class=\"heat-map\">"
        svg += "<title id=\"heat-title\">\(escape(title))</title><desc id=\"heat-desc\">\(escape(description))</desc>"
        for (column, goal) in grid.goals.enumerated() {
            svg += "<text x=\"\(left + column * cell + cell / 2)\" y=\"\(top - 8)\" text-anchor=\"middle\" font-size=\"12\">\(goal.number)</text>"
        }
        for (rowIndex, row) in grid.rows.enumerated() {
            let y = top + rowIndex * cell
            svg += "<text x=\"\(left - 6)\" y=\"\(y + cell / 2 + 4)\" text-anchor=\"end\" font-size=\"12\">\(escape(row.actionLine.code))</text>"
            for (column, matrixCell) in row.cells.enumerated() {
                let count = activities["\(row.actionLine.code)|\(matrixCell.goal)"] ?? 0
                // Lightness from 97% (none) to 35% (the largest cell): darker means more activities.
                let share = Double(count) / Double(maximum)
                let lightness = count == 0 ? 97 : Int(90 - share * 55)
                let x = left + column * cell
                let stroke = matrixCell.links > 0 ? " stroke=\"#1a1a1a\" stroke-width=\"2\"" : " stroke=\"#ccc\""
                svg += "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" fill=\"hsl(210, 60%, \(lightness)%)\"\(stroke)>"
                svg += "<title>\(escape(row.actionLine.code)) × SDG \(matrixCell.goal): \(count)</title></rect>"
                if count > 0 {
                    let ink = lightness < 60 ? "#fff" : "#000"
                    let label = count >= 10_000 ? "\(count / 1000)k" : String(count)
                    svg += "<text x=\"\(x + cell / 2)\" y=\"\(y + cell / 2 + 4)\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(ink)\">\(label)</text>"
                }
            }
        }
        return svg + "</svg>"
    }
}
