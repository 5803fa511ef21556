import DxStats

/// What a Fagan nomogram shows: a pretest probability, one or more
/// likelihood ratios with their confidence intervals, and the post-test
/// probabilities they lead to; optionally a second step in which the
/// post-test probability after the first sign is the pretest probability
/// for a second sign.
///
/// The numbers are computed by the caller (`dxkit nomogram` uses exactly
/// what `dxkit posttest` prints); this type only draws them. The drawing is
/// in `FaganNomogram+SVG.swift`, the geometry in `FaganScale`.
///
/// Fagan TJ. Nomogram for Bayes theorem. N Engl J Med 1975;293:257.
public struct FaganNomogram: Sendable {
    /// One line through the nomogram: a likelihood ratio and the post-test
    /// probability it gives from the pretest probability.
    public struct Line: Sendable {
        /// E.g. "Closed-fist percussion sign (Langdon 2010/2011): positive".
        public let label: String
        public let likelihoodRatio: IntervalEstimate
        public let posttest: IntervalEstimate

        public init(label: String, likelihoodRatio: IntervalEstimate, posttest: IntervalEstimate) {
            self.label = label
            self.likelihoodRatio = likelihoodRatio
            self.posttest = posttest
        }

        /// Whether the likelihood ratio has an interval of some width (a band to draw).
        var hasInterval: Bool { likelihoodRatio.lower != likelihoodRatio.upper }
    }

    /// The second step of the two-step variant.
    public struct SecondStep: Sendable {
        /// The second sign alone, from the first step's post-test estimate.
        public let line: Line
        /// Both signs together from the original pretest probability, as
        /// `dxkit posttest --sign A --sign B` reports it (independence).
        public let combined: IntervalEstimate
        /// The post-test range the unknown dependence between the signs
        /// allows (Fréchet bounds at the point estimates), if reported.
        public let dependenceLower: ExtendedValue?
        public let dependenceUpper: ExtendedValue?

        public init(line: Line, combined: IntervalEstimate, dependenceLower: ExtendedValue? = nil, dependenceUpper: ExtendedValue? = nil) {
            self.line = line
            self.combined = combined
            self.dependenceLower = dependenceLower
            self.dependenceUpper = dependenceUpper
        }
    }

    public let pretest: Double
    /// How the pretest probability was given, e.g. "61.5 % (preset suspected-acute-vcf: 48 of 78)".
    public let pretestDescription: String
    public let lines: [Line]
    public let secondStep: SecondStep?
    public let level: ConfidenceLevel
    /// What the lines are, for the title: "Closed-fist percussion sign
    /// (Langdon 2010/2011)", "likelihood ratios 8.75 and 0.14".
    public let subject: String?
    /// What every probability drawn is the probability of, when known
    /// ("acute fracture on MRI among patients referred with …").
    public let target: TargetCondition?

    /// A one-step nomogram with one or more lines, or (with `secondStep`) a
    /// two-step nomogram whose first step has exactly one line.
    public init(
        pretest: Double, pretestDescription: String? = nil, lines: [Line], secondStep: SecondStep? = nil, level: ConfidenceLevel,
        subject: String? = nil, target: TargetCondition? = nil
    ) {
        precondition(pretest > 0 && pretest < 1, "a nomogram needs a pretest probability strictly between 0 and 1")
        precondition(!lines.isEmpty && (secondStep == nil || lines.count == 1), "one line per step in the two-step variant")
        self.pretest = pretest
        self.pretestDescription = pretestDescription ?? NumberText.percent(.finite(pretest))
        self.lines = lines
        self.secondStep = secondStep
        self.level = level
        self.subject = subject
        self.target = target
    }

    /// The numbers drawn, as JSON: `pretest`, `lines` (each with
    /// `likelihoodRatio` and `posttest` as in `dxkit posttest`), and
    /// `secondStep` in the two-step variant.
    public var json: JSONValue { JSONValueEncoder.value(of: self) }
}

extension FaganNomogram: Encodable {
    private enum Keys: String, CodingKey {
        case schemaVersion, title, subject, target, pretest, pretestDescription, lines, secondStep, level
        case label, likelihoodRatio, posttest, line, combined, dependence
    }

    public func encode(to encoder: any Encoder) throws {
        func encodeLine(_ line: Line, in container: inout KeyedEncodingContainer<Keys>) throws {
            try container.encode(line.label, forKey: .label)
            try container.encode(line.likelihoodRatio, forKey: .likelihoodRatio)
            try container.encode(line.posttest, forKey: .posttest)
        }
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(OutputSchema.version, forKey: .schemaVersion)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encodeIfPresent(target, forKey: .target)
        try container.encode(pretest, forKey: .pretest)
        try container.encode(pretestDescription, forKey: .pretestDescription)
        var linesContainer = container.nestedUnkeyedContainer(forKey: .lines)
        for line in lines {
            var one = linesContainer.nestedContainer(keyedBy: Keys.self)
            try encodeLine(line, in: &one)
        }
        if let secondStep {
            var step = container.nestedContainer(keyedBy: Keys.self, forKey: .secondStep)
            var lineContainer = step.nestedContainer(keyedBy: Keys.self, forKey: .line)
            try encodeLine(secondStep.line, in: &lineContainer)
            try step.encode(secondStep.combined, forKey: .combined)
            if let lower = secondStep.dependenceLower, let upper = secondStep.dependenceUpper {
                let range = IntervalEstimate(estimate: .undefined, lower: lower, upper: upper, level: level, method: .frechetBounds)
                var dependence = step.nestedContainer(keyedBy: Keys.self, forKey: .dependence)
                try dependence.encode(range, forKey: .posttest)
            }
        }
        try container.encode(level.value, forKey: .level)
    }
}
