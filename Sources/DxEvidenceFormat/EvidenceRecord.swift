/// One piece of evidence that DxKit uses: a diagnostic study with its 2×2
/// counts, a guideline statement, a pretest-probability preset, a caveat, or
/// a publication.
///
/// Records live as JSON in `Evidence/` (one file per topic, format in
/// `Evidence/schema.json`) and are compiled into the library, so that every
/// number DxKit prints can be traced to a citation a reviewer can check.
///
/// ```swift
/// let base = try EvidenceBase.builtIn()
/// let sign = try base.diagnosticStudy("closed-fist-percussion")
/// sign.record.counts?.truePositives   // 42
/// ```
public struct EvidenceRecord: Sendable, Hashable {
    /// What kind of evidence a record is.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Decodable {
        case diagnosticStudy
        case guidelineStatement
        case pretestPreset
        case caveat
        case publication
        /// What a probability is about: a condition among a population
        /// (`TargetCondition` in DxStats). Signs and presets name one by id.
        case targetCondition
    }

    /// How far a record was checked against its source.
    public enum Verification: String, Sendable, Hashable, CaseIterable, Decodable, Comparable {
        /// Read in a source text (abstract, guideline page, regulator page).
        case reported
        /// Derived arithmetically from reported numbers.
        case derived
        /// From a secondary or derivative source: a lead, not evidence.
        case secondary
        /// Not verified: stated so that nobody relies on it.
        case unverified

        private var rank: Int { Self.allCases.firstIndex(of: self)! }
        public static func < (left: Self, right: Self) -> Bool { left.rank < right.rank }

        /// Words for a clinician.
        public var plainWords: String {
            switch self {
            case .reported: "reported in the source"
            case .derived: "derived from reported numbers"
            case .secondary: "second-hand source, not checked against the original"
            case .unverified: "not verified in its source"
            }
        }
    }

    /// A bibliographic reference.
    public struct Citation: Sendable, Hashable, Codable {
        public var authors: String?
        public var year: Int?
        public var title: String?
        public var journal: String?
        public var doi: String?
        public var pmid: String?
        public var url: String?
        public var organisation: String?
        public var note: String?

        public init(
            authors: String? = nil, year: Int? = nil, title: String? = nil, journal: String? = nil, doi: String? = nil,
            pmid: String? = nil, url: String? = nil, organisation: String? = nil, note: String? = nil
        ) {
            self.authors = authors; self.year = year; self.title = title; self.journal = journal; self.doi = doi
            self.pmid = pmid; self.url = url; self.organisation = organisation; self.note = note
        }

        /// One line in a conventional order: authors. title. journal. year. doi/PMID/URL.
        public var formatted: String {
            var parts: [String] = []
            if let authors { parts.append(authors) } else if let organisation { parts.append(organisation) }
            if let title { parts.append(title) }
            if let journal { parts.append(journal) }
            if let year, journal?.contains(String(year)) != true { parts.append(String(year)) }
            var text = parts.map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " ")
            if let doi { text += " doi:\(doi)." }
            if let pmid { text += " PMID \(pmid)." }
            if let url, doi == nil { text += " \(url)" }
            if let note { text += " (\(note))" }
            return text
        }
    }

    /// The four cells of a diagnostic 2×2 table.
    public struct Counts: Sendable, Hashable, Codable {
        public var truePositives: Int
        public var falsePositives: Int
        public var falseNegatives: Int
        public var trueNegatives: Int

        public init(truePositives: Int, falsePositives: Int, falseNegatives: Int, trueNegatives: Int) {
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
            self.trueNegatives = trueNegatives
        }
    }

    /// Figures as printed in the source, as proportions, with its rounding.
    public struct ReportedAccuracy: Sendable, Hashable, Codable {
        public var sensitivity: Double?
        public var specificity: Double?
        public var ppv: Double?
        public var npv: Double?
        public var accuracy: Double?
        public var prevalence: Double?

        public init(
            sensitivity: Double? = nil, specificity: Double? = nil, ppv: Double? = nil, npv: Double? = nil, accuracy: Double? = nil,
            prevalence: Double? = nil
        ) {
            self.sensitivity = sensitivity
            self.specificity = specificity
            self.ppv = ppv
            self.npv = npv
            self.accuracy = accuracy
            self.prevalence = prevalence
        }
    }

    /// One row of a guideline's appropriateness table.
    public struct Rating: Sendable, Hashable, Codable {
        public var procedure: String
        public var category: String
        public var rating: Int?

        public init(procedure: String, category: String, rating: Int? = nil) {
            self.procedure = procedure
            self.category = category
            self.rating = rating
        }
    }

    // Every record
    public var id: String
    public var kind: Kind
    public var title: String
    public var claim: String
    public var verification: Verification
    public var citations: [Citation]
    public var caveats: [String]

    // Diagnostic studies and pretest presets: the target condition record's id.
    public var targetCondition: String?

    // Target conditions (kind targetCondition): the condition; `population` says among whom.
    public var condition: String?

    // Diagnostic studies
    public var target: String?
    public var indexTest: String?
    public var referenceStandard: String?
    public var population: String?
    public var counts: Counts?
    public var reported: ReportedAccuracy?
    public var derivedFields: [String]?

    // Pretest presets
    public var setting: String?
    public var probability: Double?
    public var events: Int?
    public var total: Int?
    public var range: [Double]?
    public var isDefault: Bool?

    // Guideline statements
    public var organisation: String?
    public var statement: String?
    public var strength: String?
    public var ratings: [Rating]?

    // Any kind
    public var numbers: [String: Double]?
    public var relatedRecords: [String]?
    public var seedStatement: String?

    /// The file the record came from (set by the loader; not part of the JSON).
    public var sourceFile: String = ""

    /// A record from its fields (what the build plugin compiles `Evidence/` into).
    public init(
        id: String, kind: Kind, title: String, claim: String, verification: Verification, citations: [Citation], caveats: [String],
        targetCondition: String? = nil, condition: String? = nil, target: String? = nil, indexTest: String? = nil,
        referenceStandard: String? = nil, population: String? = nil, counts: Counts? = nil, reported: ReportedAccuracy? = nil,
        derivedFields: [String]? = nil, setting: String? = nil, probability: Double? = nil, events: Int? = nil, total: Int? = nil,
        range: [Double]? = nil, isDefault: Bool? = nil, organisation: String? = nil, statement: String? = nil, strength: String? = nil,
        ratings: [Rating]? = nil, numbers: [String: Double]? = nil, relatedRecords: [String]? = nil, seedStatement: String? = nil,
        sourceFile: String = ""
    ) {
        self.id = id; self.kind = kind; self.title = title; self.claim = claim; self.verification = verification
        self.citations = citations; self.caveats = caveats; self.targetCondition = targetCondition; self.condition = condition
        self.target = target; self.indexTest = indexTest; self.referenceStandard = referenceStandard; self.population = population
        self.counts = counts; self.reported = reported; self.derivedFields = derivedFields; self.setting = setting
        self.probability = probability; self.events = events; self.total = total; self.range = range; self.isDefault = isDefault
        self.organisation = organisation; self.statement = statement; self.strength = strength; self.ratings = ratings
        self.numbers = numbers; self.relatedRecords = relatedRecords; self.seedStatement = seedStatement; self.sourceFile = sourceFile
    }

    /// A preset's probability at full precision: events/total when the
    /// counts are known (48/78 = 0.6153…, not the printed 0.615), else the
    /// stated probability.
    public var pretestProbability: Double? {
        if let events, let total, total > 0 { return Double(events) / Double(total) }
        return probability
    }
}
