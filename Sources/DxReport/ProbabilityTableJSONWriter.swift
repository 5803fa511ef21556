import DxEvidence
import DxStats

/// One JSON document, streamed: `schemaVersion`, `title`, `level`,
/// `contents`, `signs`, `columns`, then `rows` (one per line, written as
/// computed, each `{"pretest", "label", "cells": [...]}` with `dxkit
/// posttest`'s keys in every cell), then `notes` and `evidence`. Every part is
/// the encoding of a value (`Schemas/table.schema.json`).
struct ProbabilityTableJSONWriter: ProbabilityTableWriter {
    struct Head: Encodable {
        struct Sign: Encodable {
            let id: String
            let name: String
        }
        struct Column: Encodable {
            struct Finding: Encodable {
                let id: String
                let result: TestResult
            }
            let label: String
            let signs: [Finding]?
            let dependence: SignDependence.Kind?
            let counts: TwoByTwoTable?
            let result: TestResult?
            let likelihoodRatio: IntervalEstimate
        }
        let schemaVersion = OutputSchema.version
        let title: String
        let level: Double
        let contents: [String]
        let signs: [Sign]
        let columns: [Column]
    }

    struct Row: Encodable {
        struct Cell: Encodable {
            let column: String
            let cell: ProbabilityTableCell
            enum CodingKeys: String, CodingKey { case column }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(column, forKey: .column)
                try cell.encode(to: encoder)
            }
        }
        let pretest: Double
        let label: String?
        let cells: [Cell]
    }

    struct Tail: Encodable {
        struct Source: Encodable {
            let id: String
            let verification: EvidenceRecord.Verification
            let citations: [String]
        }
        let notes: [String]
        let evidence: [Source]
    }

    func opening(_ table: ProbabilityTable) -> String {
        let contents = ["interval"] + ProbabilityTable.Contents.names.dropFirst().compactMap { table.contents.contains($0.1) ? $0.0 : nil }
        let head = Head(
            title: table.title, level: table.level.value, contents: contents, signs: table.signs.map { .init(id: $0.id, name: $0.name) },
            columns: table.columns.map(column))
        let text = JSONValueEncoder.value(of: head).serialized(pretty: true)
        return String(text.dropLast(2)) + ",\n  \"rows\": [\n"
    }

    private func column(_ column: ProbabilityTableColumn) -> Head.Column {
        switch column.source {
        case .findings(let findings, let settings):
            return .init(
                label: column.label, signs: findings.map { .init(id: $0.sign.name, result: $0.result) },
                dependence: findings.count > 1 ? settings.dependence.kind : nil, counts: nil, result: nil,
                likelihoodRatio: column.likelihoodRatio)
        case .table(let table, let result):
            return .init(
                label: column.label, signs: nil, dependence: nil, counts: table, result: result, likelihoodRatio: column.likelihoodRatio)
        case .likelihoodRatio:
            return .init(label: column.label, signs: nil, dependence: nil, counts: nil, result: nil, likelihoodRatio: column.likelihoodRatio)
        }
    }

    func row(_ table: ProbabilityTable, _ row: ProbabilityTable.Row, cells: [ProbabilityTableCell], index: Int) -> String {
        let value = Row(
            pretest: row.pretest, label: row.label, cells: zip(table.columns, cells).map { Row.Cell(column: $0.label, cell: $1) })
        return (index > 0 ? ",\n" : "") + "    " + JSONValueEncoder.value(of: value).serialized()
    }

    func closing(_ table: ProbabilityTable) -> String {
        let tail = Tail(
            notes: table.notes,
            evidence: table.evidence.map { .init(id: $0.id, verification: $0.verification, citations: $0.citations.map(\.formatted)) })
        let text = JSONValueEncoder.value(of: tail).serialized(pretty: true)
        return (table.rows.isEmpty ? "" : "\n") + "  ],\n" + text.dropFirst(2) + "\n"
    }
}
