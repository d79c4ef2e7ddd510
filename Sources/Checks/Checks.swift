/// Named integrity checks and red flags over the ledger.
public enum Checks {}
