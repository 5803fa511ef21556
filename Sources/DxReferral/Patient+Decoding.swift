import Foundation

extension Patient {
    /// All JSON keys a patient may have.
    public static let keys = [
        "fractureLevel", "weeksSinceOnset", "painTrajectory", "painSeverity", "neurologicalDeficit", "spinalInstability",
        "malignancySuspected", "deformityOrProgressiveKyphosis", "pulmonaryDysfunction", "augmentationCandidate",
        "analgesiaTriedPainPersists", "acutePainSubsided", "mri", "closedFistPercussion", "supineSign", "pretest", "age", "id",
    ]

    /// Reads a patient from one JSON object; every error names the field.
    public init(json data: Data) throws(PatientError) {
        do {
            self = try JSONDecoder().decode(PatientDocument.self, from: data).patient
        } catch let error as PatientError {
            throw error
        } catch DecodingError.typeMismatch(_, let context) where !context.codingPath.isEmpty {
            throw PatientError(field: context.codingPath.map(\.stringValue).joined(separator: "."), problem: "has the wrong type")
        } catch DecodingError.typeMismatch(_, _) {
            throw PatientError(field: "patient", problem: "must be a JSON object, e.g. {\"weeksSinceOnset\": 2}")
        } catch {
            throw PatientError(field: "patient", problem: "not valid JSON")
        }
        try validate()
    }

    /// Checks ranges and contradictions; each error names the field.
    public func validate() throws(PatientError) {
        let levels = (1...12).map { "T\($0)" } + (1...5).map { "L\($0)" }
        guard levels.contains(fractureLevel) else {
            throw PatientError(field: "fractureLevel", problem: "(\(fractureLevel)) must be one of T1…T12, L1…L5")
        }
        guard weeksSinceOnset.isFinite, weeksSinceOnset >= 0, weeksSinceOnset <= 5200 else {
            throw PatientError(field: "weeksSinceOnset", problem: "(\(weeksSinceOnset)) must be a number of weeks ≥ 0")
        }
        if let painSeverity, !(painSeverity >= 0 && painSeverity <= 10) {
            throw PatientError(field: "painSeverity", problem: "(\(painSeverity)) must be between 0 and 10")
        }
        if let age, !(age >= 0 && age <= 130) {
            throw PatientError(field: "age", problem: "(\(age)) must be between 0 and 130 years")
        }
        if acutePainSubsided, let painSeverity, painSeverity >= 9 {
            throw PatientError(
                field: "acutePainSubsided", problem: "contradicts painSeverity \(painSeverity): acute pain cannot have subsided with pain of 9–10")
        }
        if acutePainSubsided && painTrajectory == .worsening {
            throw PatientError(field: "acutePainSubsided", problem: "contradicts painTrajectory worsening")
        }
        if acutePainSubsided && analgesiaTriedPainPersists {
            throw PatientError(field: "acutePainSubsided", problem: "contradicts analgesiaTriedPainPersists (pain persists)")
        }
    }
}

/// The strict JSON form of a patient: unknown keys and wrong types are
/// errors naming the field.
private struct PatientDocument: Decodable {
    let patient: Patient

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for key in container.allKeys where !Patient.keys.contains(key.stringValue) {
            throw PatientError(field: key.stringValue, problem: "unknown key (known keys: \(Patient.keys.joined(separator: ", ")))")
        }
        func field<T: Decodable>(_ name: String, _ type: T.Type, expected: String) throws -> T? {
            do { return try container.decodeIfPresent(T.self, forKey: Key(name)) } catch {
                throw PatientError(field: name, problem: "must be \(expected)")
            }
        }
        func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
            let expected = "one of " + T.allCases.map(\.rawValue).joined(separator: ", ")
            guard let text = try field(name, String.self, expected: expected) else { return nil }
            guard let value = T(rawValue: text) else { throw PatientError(field: name, problem: "must be \(expected), got \"\(text)\"") }
            return value
        }
        var patient = Patient()
        if let level = try field("fractureLevel", String.self, expected: "a level such as \"L2\"") { patient.fractureLevel = level.uppercased() }
        if let weeks = try field("weeksSinceOnset", Double.self, expected: "a number of weeks") { patient.weeksSinceOnset = weeks }
        if let trajectory = try choice("painTrajectory", Patient.PainTrajectory.self) { patient.painTrajectory = trajectory }
        if container.contains(Key("painSeverity")) {
            if let number = try? container.decodeIfPresent(Double.self, forKey: Key("painSeverity")) {
                patient.painSeverity = number
            } else if let text = try? container.decodeIfPresent(String.self, forKey: Key("painSeverity")) {
                switch text.lowercased() {
                case "mild": patient.painSeverity = 2
                case "moderate": patient.painSeverity = 5
                case "severe": patient.painSeverity = 8
                default: throw PatientError(field: "painSeverity", problem: "must be 0–10 or mild, moderate or severe, got \"\(text)\"")
                }
            } else if !((try? container.decodeNil(forKey: Key("painSeverity"))) ?? false) {
                throw PatientError(field: "painSeverity", problem: "must be 0–10 or mild, moderate or severe")
            }
        }
        let flag = { (name: String) throws -> Bool? in try field(name, Bool.self, expected: "true or false") }
        patient.neurologicalDeficit = try flag("neurologicalDeficit") ?? false
        patient.spinalInstability = try flag("spinalInstability") ?? false
        patient.malignancySuspected = try flag("malignancySuspected") ?? false
        patient.deformityOrProgressiveKyphosis = try flag("deformityOrProgressiveKyphosis") ?? false
        patient.pulmonaryDysfunction = try flag("pulmonaryDysfunction") ?? false
        patient.augmentationCandidate = try flag("augmentationCandidate")
        patient.analgesiaTriedPainPersists = try flag("analgesiaTriedPainPersists") ?? false
        patient.acutePainSubsided = try flag("acutePainSubsided") ?? false
        if let state = try choice("mri", Patient.MRIState.self) { patient.mri = state }
        if let sign = try choice("closedFistPercussion", Patient.SignResult.self) { patient.closedFistPercussion = sign }
        if let sign = try choice("supineSign", Patient.SignResult.self) { patient.supineSign = sign }
        if container.contains(Key("pretest")) {
            if let text = try? container.decodeIfPresent(String.self, forKey: Key("pretest")) {
                patient.pretest = text
            } else if let number = try? container.decodeIfPresent(Double.self, forKey: Key("pretest")) {
                patient.pretest = "\(number)"
            } else if !((try? container.decodeNil(forKey: Key("pretest"))) ?? false) {
                throw PatientError(field: "pretest", problem: "must be a probability, a percentage, odds or a preset id")
            }
        }
        patient.age = try field("age", Double.self, expected: "a number of years")
        if container.contains(Key("id")) {
            if let text = try? container.decode(String.self, forKey: Key("id")) {
                patient.id = text
            } else if let number = try? container.decode(Int.self, forKey: Key("id")) {
                patient.id = String(number)
            } else {
                throw PatientError(field: "id", problem: "must be a string or a whole number")
            }
        }
        self.patient = patient
    }
}
