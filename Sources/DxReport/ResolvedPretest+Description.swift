import DxEvidence
import DxStats

extension ResolvedPretest {
    /// How to name the pretest in output: "61.5 % (preset suspected-acute-vcf: 48 of 78)" or "30.0 %".
    public var description: String {
        var text = NumberText.percent(.finite(probability))
        if let preset {
            text += " (preset \(preset.id)"
            if let events = preset.events, let total = preset.total { text += ": \(events) of \(total)" }
            text += ")"
        }
        return text
    }
}
