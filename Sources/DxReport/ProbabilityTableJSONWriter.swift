import DxStats

/// One JSON document: `title`, `level`, `contents`, `signs`, `columns`, then
/// `rows` (one per line, written as computed, each `{"pretest", "label",
/// "cells": [...]}` with `dxkit posttest`'s keys in every cell), then
/// `notes` and `evidence`.
struct ProbabilityTableJSONWriter: ProbabilityTableWriter {
    func opening(_ table: ProbabilityTable) -> String {
        let contents = ["interval"] + ProbabilityTable.Contents.names.dropFirst().compactMap { table.contents.contains($0.1) ? $0.0 : nil }
        let members: [(String, JSONValue)] = [
            ("title", .string(table.title)),
            ("level", .number(table.level.value)),
            ("contents", .array(contents.map(JSONValue.string))),
            ("signs", .array(table.signs.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })),
            ("columns", .array(table.columns.map(columnJSON))),
        ]
        let head = JSONValue.object(members).serialized(pretty: true)
        return String(head.dropLast(2)) + ",\n  \"rows\": [\n"
    }

    private func columnJSON(_ column: ProbabilityTableColumn) -> JSONValue {
        var members: [(String, JSONValue)] = [("label", .string(column.label))]
        switch column.source {
        case .findings(let findings, let settings):
            members.append(("signs", .array(findings.map { .object([("id", .string($0.sign.name)), ("result", .string($0.result.rawValue))]) })))
            if findings.count > 1 { members.append(("dependence", .string(settings.dependence.id))) }
        case .table(let table, let result):
            members.append(
                (
                    "counts",
                    .object([
                        ("tp", .integer(table.truePositives)), ("fp", .integer(table.falsePositives)),
                        ("fn", .integer(table.falseNegatives)), ("tn", .integer(table.trueNegatives)),
                    ])
                ))
            members.append(("result", .string(result.rawValue)))
        case .likelihoodRatio:
            break
        }
        members.append(("likelihoodRatio", column.likelihoodRatio.json))
        return .object(members)
    }

    func row(_ table: ProbabilityTable, _ row: ProbabilityTable.Row, cells: [ProbabilityTableCell], index: Int) -> String {
        let value = JSONValue.object([
            ("pretest", .number(row.pretest)), ("label", row.label.map(JSONValue.string) ?? .null),
            (
                "cells",
                .array(
                    zip(table.columns, cells).map { column, cell in
                        JSONValue.object([("column", .string(column.label))]).adding(objectMembers(cell.json))
                    })
            ),
        ])
        return (index > 0 ? ",\n" : "") + "    " + value.serialized()
    }

    func closing(_ table: ProbabilityTable) -> String {
        let tail = JSONValue.object([
            ("notes", .array(table.notes.map(JSONValue.string))),
            (
                "evidence",
                .array(
                    table.evidence.map { record in
                        .object([
                            ("id", .string(record.id)), ("verification", .string(record.verification.rawValue)),
                            ("citations", .array(record.citations.map { .string($0.formatted) })),
                        ])
                    })
            ),
        ]).serialized(pretty: true)
        return (table.rows.isEmpty ? "" : "\n") + "  ],\n" + tail.dropFirst(2) + "\n"
    }

    private func objectMembers(_ value: JSONValue) -> [(String, JSONValue)] {
        if case .object(let members) = value { return members }
        return []
    }
}
