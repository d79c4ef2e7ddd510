/// The three generations of Guatecompras NOG detail pages (see NOG-PAGE.md §3).
public enum NOGPageGeneration: String, Sendable, Hashable {
    /// 2014–2017 `consultaDetalleCon.aspx`: one span per field, `dgProveedores` grid.
    case a2014
    /// 2018 `consultaConcurso.aspx`: label/value table cells, `gvAdjudicacion`.
    case b2018
    /// 2019– `consultaConcurso.aspx`: Bootstrap label/value divs, awards accordion.
    case c2019

    /// How the generation is named to users.
    public var displayName: String {
        switch self {
        case .a2014: "2014–2017 (consultaDetalleCon.aspx)"
        case .b2018: "2018 (tabla de etiquetas)"
        case .c2019: "2019 en adelante (Bootstrap)"
        }
    }
}
