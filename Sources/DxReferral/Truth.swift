/// Three-valued (Kleene) logic for rules with unknown inputs.
///
/// A condition is `.yes` or `.no` when the known inputs decide it whatever
/// the unknown ones are, and `.unknown(needs:)` otherwise, naming the
/// unknown inputs that would decide it.
///
/// | a ∧ b | yes | no | unknown |
/// |---|---|---|---|
/// | **yes** | yes | no | unknown |
/// | **no** | no | no | no |
/// | **unknown** | unknown | no | unknown |
public enum Truth: Sendable, Hashable {
    case yes
    case no
    case unknown(needs: Set<PatientInput>)

    init(_ value: Bool) { self = value ? .yes : .no }

    /// All must hold: any no ⇒ no; else any unknown ⇒ unknown (needs merged); else yes.
    static func all(_ values: [Truth]) -> Truth {
        var needs: Set<PatientInput> = [], unknown = false
        for value in values {
            switch value {
            case .no: return .no
            case .unknown(let more): unknown = true; needs.formUnion(more)
            case .yes: break
            }
        }
        return unknown ? .unknown(needs: needs) : .yes
    }

    /// One must hold: any yes ⇒ yes; else any unknown ⇒ unknown; else no.
    static func any(_ values: [Truth]) -> Truth {
        var needs: Set<PatientInput> = [], unknown = false
        for value in values {
            switch value {
            case .yes: return .yes
            case .unknown(let more): unknown = true; needs.formUnion(more)
            case .no: break
            }
        }
        return unknown ? .unknown(needs: needs) : .no
    }

    /// a ∧ b.
    func and(_ other: Truth) -> Truth {
        switch (self, other) {
        case (.no, _), (_, .no): .no
        case (.yes, _): other
        case (_, .yes): self
        case (.unknown(let a), .unknown(let b)): .unknown(needs: a.union(b))
        }
    }

    /// a ∨ b.
    func or(_ other: Truth) -> Truth {
        switch (self, other) {
        case (.yes, _), (_, .yes): .yes
        case (.no, _): other
        case (_, .no): self
        case (.unknown(let a), .unknown(let b)): .unknown(needs: a.union(b))
        }
    }

    var negated: Truth {
        switch self {
        case .yes: .no
        case .no: .yes
        case .unknown: self
        }
    }

    /// The inputs an unknown value needs (empty otherwise).
    var needs: Set<PatientInput> {
        if case .unknown(let needs) = self { return needs }
        return []
    }
}
