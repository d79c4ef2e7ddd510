import Foundation

/// Helpers shared by the libFuzzer targets: the readers under test take files, so each input is written to one
/// scratch file per process (in the system's temporary folder) and read back from there.
public enum FuzzInput {
    /// The input bytes as `Data`.
    public static func data(_ input: UnsafeRawBufferPointer) -> Data {
        Data(input)
    }

    /// Writes the input to this process's scratch file with `name` (its extension picks the reader) and returns it.
    public static func file(_ input: UnsafeRawBufferPointer, name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(getpid())-\(name)")
        // A failed write is the harness's problem, not the reader's: stop loudly rather than fuzz nothing.
        guard FileManager.default.createFile(atPath: url.path, contents: data(input)) else {
            fatalError("no se pudo escribir \(url.path)")
        }
        return url
    }
}
