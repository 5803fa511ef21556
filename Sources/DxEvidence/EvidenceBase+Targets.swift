import DxStats

extension EvidenceBase {
    /// The target condition defined by record `id` (kind `targetCondition`).
    ///
    /// ```swift
    /// let base = try EvidenceBase.builtIn()
    /// try base.targetCondition("target-acute-fracture-suspected-vcf").condition   // "acute fracture on MRI"
    /// ```
    public func targetCondition(_ id: String) throws(EvidenceLookupError) -> TargetCondition {
        guard let record = record(id, ofKind: .targetCondition), let condition = record.condition, let population = record.population else {
            let targets = records.filter { $0.kind == .targetCondition }
            throw EvidenceLookupError(id: id, wanted: "target condition", known: targets.map(\.id))
        }
        return TargetCondition(id: record.id, condition: condition, population: population)
    }

    /// The target a sign or preset record declares, or nil when it declares none.
    public func target(of record: EvidenceRecord) -> TargetCondition? {
        record.targetCondition.flatMap { try? targetCondition($0) }
    }

    /// A sign by its evidence id: the accuracy of its 2×2 counts, named by
    /// the id, with the target condition it separates.
    ///
    /// ```swift
    /// let base = try EvidenceBase.builtIn()
    /// let percussion = try base.sign("closed-fist-percussion")
    /// percussion.likelihoodRatio(for: .positive)   // .finite(8.75)
    /// percussion.target?.condition                  // "acute fracture on MRI"
    /// ```
    public func sign(_ id: String) throws(EvidenceLookupError) -> SignAccuracy {
        let study = try diagnosticStudy(id)
        guard let sign = try? SignAccuracy(name: id, title: study.record.title, table: study.table, target: target(of: study.record)) else {
            throw EvidenceLookupError(id: id, wanted: "diagnostic study with patients with and without the condition", known: [])
        }
        return sign
    }

    /// The pretest presets about `target`, default first.
    public func pretestPresets(about target: TargetCondition) -> [EvidenceRecord] {
        records.filter { $0.kind == .pretestPreset && $0.targetCondition == target.id }
            .sorted { ($0.isDefault == true ? 0 : 1) < ($1.isDefault == true ? 0 : 1) }
    }
}
