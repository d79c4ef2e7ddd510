import Domain
import Foundation

/// One purchase (or one renglón or supplier share of it) in a split-purchase group.
struct SplitMember: Sendable {
    /// Index into ``FlagContext/facts``.
    let fact: Int
    let day: Int
    /// The calendar bucket for `cuatrimestre` windows (1–3).
    let cuatrimestre: Int
    /// The amount that counts toward the group's sum (monto(P), monto(P, r) or monto(P, NIT)).
    let amount: Money
    /// The upper bound of the member's own modality at its date: the sum must exceed the largest of these.
    let ceiling: Money
    let supplier: SupplierShare?
    let renglon: String?
}
