import Domain
import Foundation
import Ledger
import Testing

@testable import RedFlags

/// The shortcuts a national year needs (byte comparisons, key sorts, raw inserts) give exactly what the plain
/// code gave: each is checked against that code, including the odd inputs where the shortcut steps aside.
struct FastPathTests {
    @Test("renglón codes match exactly as the exclusion rule's character test does, odd codes included")
    func renglonCodes() {
        let lists: [[String]] = [
            ["000", "111", "112", "113", "115"], ["211"], ["210"], ["200"], ["2"], ["21"], ["2100"], ["ñ00"],
            ["2\u{301}00"], ["21 "], [], ["000", "ñ00"],
        ]
        var renglones = (0..<1000).map { String(format: "%03d", $0) }
        renglones += ["", "2", "21", "2111", "ñ11", "2\u{301}11", "21\r\n", "2 1", "21 "]
        for codes in lists {
            let prepared = RenglonCodes(codes)
            for renglon in renglones {
                #expect(
                    prepared.matches(renglon) == ExclusionRule.renglon(renglon, matchesAnyOf: codes),
                    "\(codes) · «\(renglon)»")
            }
        }
        #expect(RenglonCodes(["000"]).matches("029") && !RenglonCodes(["000"]).matches("111"))
        #expect(RenglonCodes(["210"]).matches("211") && !RenglonCodes(["210"]).matches("221"))
    }

    @Test("a classification code's digits are the ASCII digits of its characters, whatever else it holds")
    func classificationDigits() {
        let codes = [
            "50131700", "5013-1700", " 50.13.17.00 ", "５０１３１７００", "5013\u{301}1700", "\r\n501317", "", "abc",
            "43211500\n", "4321١٥٠٠",
        ]
        for code in codes {
            #expect(ObjectKeys.digits(code) == code.filter(\.isASCIIDigitCharacter), "«\(code)»")
        }
        #expect(ObjectKeys.digits("5013-1700") == "50131700")
    }

    @Test("flags are ordered strongest first and equal ones keep the order they came in")
    func displayOrder() {
        func flag(_ severity: RedFlagSeverity, _ id: String, _ amount: Int64?, _ subject: String, _ tag: String)
            -> RedFlag
        {
            RedFlag(
                indicatorID: id, severity: severity, subject: RedFlagSubject(kind: .nog, id: subject, label: "u"),
                ejercicio: 2022, value: nil, amount: amount.map(Money.init(centavos:)), detail: tag, evidence: [])
        }
        let severities: [RedFlagSeverity] = [.informativo, .medio, .alto]
        var flags: [RedFlag] = []
        // A fixed pseudo-random mix with many exact ties (same key, different detail).
        var state: UInt64 = 2022
        for index in 0..<600 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let pick = Int(state >> 33)
            flags.append(
                flag(
                    severities[pick % 3], "TR0\(pick % 4 + 1)", pick % 5 == 0 ? nil : Int64(pick % 7) * 100,
                    "\(pick % 3)", "#\(index)"))
        }
        // The plain stable sort with the documented order is the reference.
        let reference = flags.sorted { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            if a.indicatorID != b.indicatorID { return a.indicatorID < b.indicatorID }
            let (x, y) = (a.amount?.centavos ?? -1, b.amount?.centavos ?? -1)
            if x != y { return x > y }
            return a.subject.id < b.subject.id
        }
        let sorted = RedFlagEngine.displayOrder(flags).map { flags[$0] }
        #expect(sorted.map(\.detail) == reference.map(\.detail))
        #expect(sorted.first?.severity == .alto && sorted.last?.severity == .informativo)
    }

    @Test("a stored run keeps absent values absent and texts as they were, row for row")
    func storedValues() throws {
        let ledger = try Ledger.inMemory()
        let flags = [
            RedFlag(
                indicatorID: "TR01", severity: .alto,
                subject: RedFlagSubject(kind: .unidad, id: "436-2", label: "Ñandú"), ejercicio: 2022, value: nil,
                amount: nil, detail: "«compras» de año; \"comillas\"",
                evidence: [
                    RedFlagEvidence(referenceKind: "NPG", reference: "E1"),
                    RedFlagEvidence(
                        referenceKind: "NOG", reference: "100", date: "2022-06-03", modality: "compra_directa",
                        supplierID: "947642900", supplierName: "TRANSPORTES, S.A.", amount: Money(centavos: -5),
                        renglon: "211", description: "Pan y café", note: "nota"),
                ]),
            RedFlag(
                indicatorID: "TR02", severity: .informativo,
                subject: RedFlagSubject(kind: .proveedor, id: "x", label: ""), ejercicio: 2022, value: "0.5000",
                amount: Money(centavos: Int64.max), detail: "", evidence: []),
        ]
        let run = RedFlagRun(
            ejercicio: 2022, parametersHash: "h", parametersText: "p", indicators: [], flags: flags, purchasesRead: 2)
        let stored = try ledger.storeRedFlagRun(run, toolVersion: "t", startedAt: Date())
        let id = try #require(stored.id)
        #expect(try ledger.redFlags(runID: id) == flags)
    }

    @Test("indicators start heaviest first, every computed one exactly once, unranked ones last in their order")
    func evaluationOrder() {
        let computed = IndicatorRegistry.computed.map { $0.info.id }
        #expect(IndicatorRegistry.heaviestFirst.sorted() == computed.sorted())
        let order = RedFlagEngine.evaluationOrder(computed)
        #expect(order.map { computed[$0] } == IndicatorRegistry.heaviestFirst)
        #expect(RedFlagEngine.evaluationOrder(["TR99", "TR07", "TR98", "TR03"]) == [3, 1, 0, 2])
        #expect(RedFlagEngine.evaluationOrder([]) == [])
    }
}
