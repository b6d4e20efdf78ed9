import Foundation
import Hummingbird
import OpenAPIRuntime
import Review

extension APIHandler {
    func listMilestones(_ input: Operations.ListMilestones.Input) async throws -> Operations.ListMilestones.Output {
        .ok(.init(body: .json(try await services.calendar.milestones().map(Self.milestone))))
    }

    func addMilestone(_ input: Operations.AddMilestone.Input) async throws -> Operations.AddMilestone.Output {
        guard case .json(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        let milestone = try await services.calendar.add(Self.input(body), by: Actor(user: RequestUser.current!))
        return .created(.init(body: .json(Self.milestone(milestone))))
    }

    func changeMilestone(_ input: Operations.ChangeMilestone.Input) async throws -> Operations.ChangeMilestone.Output {
        guard case .json(let body) = input.body else { throw HTTPError(.unsupportedMediaType) }
        let milestone = try await services.calendar.change(key: input.path.key, Self.input(body), by: Actor(user: RequestUser.current!))
        return .ok(.init(body: .json(Self.milestone(milestone))))
    }

    static func input(_ body: Components.Schemas.MilestoneInput) -> MilestoneInput {
        MilestoneInput(key: body.key, kind: body.kind.rawValue, title: body.title, start: body.start, end: body.end, place: body.place,
                       confirmed: body.confirmed ?? false, source: body.source, expectedVersion: body.version)
    }

    static func milestone(_ milestone: Milestone) -> Components.Schemas.Milestone {
        .init(key: milestone.key, kind: .init(rawValue: milestone.kind.rawValue)!, title: milestone.title, start: milestone.start,
              end: milestone.end, place: milestone.place, confirmed: milestone.confirmed, source: milestone.source, version: milestone.version)
    }
}
