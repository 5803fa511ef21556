// The record format (EvidenceRecord, StrictJSON, validation) is its own
// target so that the build plugin can validate Evidence/ without DxEvidence;
// importing DxEvidence brings it along.
@_exported import DxEvidenceFormat
