import Foundation

/// A reference from a published table's columns to another table's primary key (a Frictionless foreign key).
public struct DatasetForeignKey: Sendable, Hashable {
    /// Columns of the referencing table.
    public var fields: [String]
    /// The table referenced.
    public var dataset: Dataset
    /// Columns of the referenced table (its primary key).
    public var referencedFields: [String]

    public init(fields: [String], dataset: Dataset, referencedFields: [String]) {
        self.fields = fields
        self.dataset = dataset
        self.referencedFields = referencedFields
    }
}
