import CFuzzDriver

/// Starts libFuzzer from a target's entry point (SwiftPM names it `<Module>_main` and makes `main` its alias, so
/// libFuzzer's own `main` is not linked).
public enum FuzzDriver {
    /// Runs libFuzzer with the process's arguments and `callback` as the function under test.
    public static func run(
        argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt {
        var count = argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return LLVMFuzzerRunDriver(&count, &arguments, callback)
    }
}
