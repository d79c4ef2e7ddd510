import Domain
import Testing

/// The line code printed in exports: the key's parts joined with `-`, absent parts empty.
struct BudgetKeyCodeTests {
    @Test(
        "the code is the parts joined with a dash, whichever parts are absent",
        arguments: [
            (String?.some("208"), String?.some("11"), String?.some("0151"), String?.some("0001"), String?.some("0101")),
            (nil, nil, nil, nil, nil), (nil, "31", nil, "0002", nil), ("", "", "", "", ""),
        ])
    func joinedParts(unidad: String?, fuente: String?, organismo: String?, correlativo: String?, ubicacion: String?) {
        var key = BudgetKey(
            ejercicio: 2022, entidad: "11130016", unidadEjecutora: unidad, programa: "11", subprograma: "00",
            proyecto: "000", actividad: "001", obra: "000", renglon: Renglon(rawValue: "211")!, fuente: fuente,
            ubicacionGeografica: ubicacion)
        key.organismo = organismo
        key.correlativo = correlativo
        #expect(key.code == key.parts.joined(separator: "-"))
    }

    @Test("a whole key reads as SICOIN prints it")
    func wholeKey() {
        let key = BudgetKey(
            ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
            proyecto: "000", actividad: "001", obra: "000", renglon: Renglon(rawValue: "211")!, fuente: "11",
            ubicacionGeografica: "0101")
        #expect(key.code == "2022-11130016-208-11-00-000-001-000-211-11---0101")
    }
}
