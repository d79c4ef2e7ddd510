import Formats
import Testing

struct DateOrderTests {
    @Test("a day over 12 anywhere in the file decides day-first for every value")
    func dayFirstFile() {
        var sniffer = DateOrderSniffer()
        for value in ["03-04-2022", "14-03-2022", "01/01/0001", "", "2022-05-01"] { sniffer.observe(value) }
        let decision = sniffer.decision
        #expect(decision.order == .dayFirst)
        #expect(!decision.isAssumed)
        #expect(decision.dayFirstEvidence == 1)
        #expect(DateOrder.dayFirst.parse("03-04-2022") == .date(.init(year: 2022, month: 4, day: 3)))
    }

    @Test("month-first files are recognised and two-digit years expanded")
    func monthFirstFile() {
        var sniffer = DateOrderSniffer()
        for value in ["3/4/22", "3/14/22 10:37 PM", "12/1/21"] { sniffer.observe(value) }
        #expect(sniffer.decision.order == .monthFirst)
        #expect(
            DateOrder.monthFirst.parse("3/14/22 10:37 PM")
                == .date(.init(year: 2022, month: 3, day: 14, hour: 22, minute: 37, second: 0)))
        #expect(DateOrder.monthFirst.parse("3/4/22") == .date(.init(year: 2022, month: 3, day: 4)))
    }

    @Test("ambiguous files assume day-first and say so; contradictory ones are flagged")
    func ambiguity() {
        var ambiguous = DateOrderSniffer()
        ambiguous.observe("03/04/2022")
        #expect(ambiguous.decision.isAssumed)
        #expect(ambiguous.decision.order == .dayFirst)
        #expect(ambiguous.decision.explanation.contains("supuesto"))
        var mixed = DateOrderSniffer()
        mixed.observe("13/04/2022")
        mixed.observe("04/13/2022")
        #expect(mixed.decision.isInconsistent)
    }

    @Test(
        "placeholders are no date; impossible dates and text are invalid",
        arguments: [
            ("01/01/0001", DateOrder.Parse.none), ("", .none), ("0001-01-01T00:00:00", .none),
            ("31/02/2022", .invalid), ("mañana", .invalid), ("14/13/2022", .invalid),
        ])
    func specialValues(text: String, expected: DateOrder.Parse) {
        #expect(DateOrder.dayFirst.parse(text) == expected)
    }

    @Test("times with a.m./p.m. and ISO timestamps with offsets parse")
    func times() {
        #expect(
            DateOrder.dayFirst.parse("22/04/2022 03:41:09 p. m.")
                == .date(.init(year: 2022, month: 4, day: 22, hour: 15, minute: 41, second: 9)))
        #expect(
            DateOrder.dayFirst.parse("2022-03-14T10:37:52.000-06:00")
                == .date(.init(year: 2022, month: 3, day: 14, hour: 10, minute: 37, second: 52)))
        #expect(DateOrder.ParsedDate(year: 2022, month: 3, day: 4).iso == "2022-03-04")
    }
}
