import ArgumentParser
import Formats

/// `--date-order dia-mes|mes-dia`: the order of numeric dates, when the user knows it better than the sniffer.
enum DateOrderArgument: String, CaseIterable, ExpressibleByArgument {
    case diaMes = "dia-mes"
    case mesDia = "mes-dia"

    var order: DateOrder { self == .diaMes ? .dayFirst : .monthFirst }
}
