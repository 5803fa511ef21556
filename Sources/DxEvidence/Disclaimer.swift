/// The sentence every clinical output ends with.
public enum Disclaimer {
    public static let text =
        "DxKit supports a clinician's judgement; it does not replace it. Check the evidence and its caveats before acting."
}
