import Domain
import Foundation
import GRDB
import Ledger
import TestSupport
import Testing

/// The ledger under the things that happen to it in real use, through the built binary: a report while an import
/// writes, two imports at once, and an import killed (`kill -9`) at random points. After each, `PRAGMA
/// integrity_check` is ok and the ledger holds exactly what the imports that reported success wrote.
@Suite(.serialized)
struct LedgerRobustnessEndToEndTests {
    static let executionHeader =
        "EJERCICIO,ENTIDAD,UNIDAD EJECUTORA,PROGRAMA,SUBPROGRAMA,PROYECTO,ACTIVIDAD,OBRA,RENGLON,FUENTE,"
        + "ASIGNADO,MODIFICADO,VIGENTE,DEVENGADO,PAGADO"

    /// An execution file of `lines` distinct budget lines whose amounts depend on `variant`.
    static func executionFile(_ directory: TemporaryDirectory, name: String, lines: Int, variant: Int) throws -> URL {
        var text = executionHeader + "\n"
        text.reserveCapacity(lines * 80)
        let renglones = ["011", "012", "014", "015", "021", "022", "029", "031", "032", "033"]
        for index in 0..<lines {
            let programa = 11 + index / 9_990
            let actividad = 1 + (index / renglones.count) % 999
            let renglon = renglones[index % renglones.count]
            let asignado = 1_000 + (index % 97) * 10 + variant
            text +=
                "2022,11130016,208,\(programa),00,000,\(actividad),000,\(renglon),11,"
                + "\(asignado).00,0.00,\(asignado).00,\(asignado / 2).00,\(asignado / 4).00\n"
        }
        return try directory.write(name, text: text)
    }

    /// Everything the ledger holds, table by table, as text (provenance timestamps included).
    static func content(_ path: String) throws -> String {
        try patientQueue(path).read { db in
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return try tables.map { table in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid")
                return table + "\n" + rows.map(\.description).joined(separator: "\n")
            }.joined(separator: "\n")
        }
    }

    /// The files the ledger's import runs name (a run is stored in the import's own transaction).
    static func importedFiles(_ path: String) throws -> [String] {
        try patientQueue(path).read { try String.fetchAll($0, sql: "SELECT file_name FROM import_run") }
    }

    static func integrity(_ path: String) throws -> String {
        try patientQueue(path).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// A connection that waits for the lock like the tool's own: the last connection of another process or thread
    /// to close checkpoints the WAL under an exclusive lock, and a connection opened at that moment must wait.
    static func patientQueue(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(Ledger.defaultBusyTimeout)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Starts the binary without waiting for it.
    static func start(_ arguments: [String], in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Holds the ledger's write lock from this process until `release` is signalled.
    static func holdWriteLock(_ path: String, release: DispatchSemaphore) throws -> DispatchSemaphore {
        let holder = try patientQueue(path)
        let held = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? holder.write { _ in
                held.signal()
                release.wait()
            }
            // Closed here, not whenever the thread lets go of it: closing checkpoints the WAL under an exclusive
            // lock, which a reader opened after `done` would otherwise meet.
            try? holder.close()
            done.signal()
        }
        held.wait()
        return done
    }

    private func freshLedger() throws -> (TemporaryDirectory, BinaryRunner, String) {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        return (directory, runner, directory.file("transparencia.sqlite").path)
    }

    @Test("a report reads while another process holds the write lock; a second import waits for it, then imports")
    func readerAndWaitingWriter() throws {
        let (directory, runner, path) = try freshLedger()
        defer { withExtendedLifetime(directory) {} }
        let release = DispatchSemaphore(value: 0)
        let done = try Self.holdWriteLock(path, release: release)
        let start = Date()
        let report = try runner.run(["report", "compras", "--year", "2022"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(Date().timeIntervalSince(start) < 5, "a report never waits for a writer")

        DispatchQueue.global().asyncAfter(deadline: .now() + 1.5) { release.signal() }
        let importStart = Date()
        let imported = try runner.run([
            "import", "resumen", BinaryRunner.samples.appendingPathComponent("resumen/tabla2-sosep-2022.csv").path,
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(Date().timeIntervalSince(importStart) >= 1.4, "the import waited for the other writer")
        done.wait()
        #expect(try Ledger.open(path: path).importRuns().count == 1)
    }

    @Test("an import that waits longer than its timeout says another import is running, and changes nothing")
    func busyImport() throws {
        let (directory, runner, path) = try freshLedger()
        defer { withExtendedLifetime(directory) {} }
        let before = try Self.content(path)
        let release = DispatchSemaphore(value: 0)
        let done = try Self.holdWriteLock(path, release: release)
        let start = Date()
        let imported = try runner.run([
            "import", "resumen", BinaryRunner.samples.appendingPathComponent("resumen/tabla2-sosep-2022.csv").path,
        ])
        release.signal()
        done.wait()
        #expect(imported.status == 2)
        #expect(Date().timeIntervalSince(start) >= Ledger.defaultBusyTimeout - 0.5)
        #expect(imported.stderr.contains("está ocupado: otra importación lo está escribiendo"), "\(imported.stderr)")
        #expect(!imported.stderr.contains("SQLite error"), "\(imported.stderr)")
        #expect(try Self.content(path) == before)
    }

    @Test(
        "an import killed with SIGKILL at random points leaves the ledger exactly as before; re-importing gives the same rows"
    )
    func killedImports() throws {
        let (directory, runner, path) = try freshLedger()
        let base = try Self.executionFile(directory, name: "base.csv", lines: 500, variant: 0)
        #expect(try runner.run(["import", "ejecucion", base.path]).status == 0)
        let large = try Self.executionFile(directory, name: "grande.csv", lines: 3_000, variant: 1)
        let before = try Self.content(path)

        // How long a whole import takes here, on a copy, to spread the kill points over it.
        let reference = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: path, toPath: reference.file("transparencia.sqlite").path)
        let started = Date()
        #expect(try BinaryRunner.run(["import", "ejecucion", large.path], in: reference.url).status == 0)
        let duration = Date().timeIntervalSince(started)

        var generator = SystemRandomNumberGenerator()
        var expected = before
        for point in 0..<5 {
            let process = try Self.start(["import", "ejecucion", large.path], in: directory.url)
            let delay = Double.random(in: 0.02...max(0.05, duration * 0.9), using: &generator)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try Self.integrity(path) == "ok", "kill point \(point) at \(delay) s")
            // The import finished before the kill, or committed and was killed on its way out (a busy machine
            // runs it faster or slower than the timed copy): from now on the ledger holds all of it.
            if try process.terminationReason == .exit || Self.importedFiles(path).contains(large.lastPathComponent) {
                expected = try Self.content(path)
            }
            #expect(try Self.content(path) == expected, "kill point \(point) at \(delay) s changed the ledger")
        }
        let again = try runner.run(["import", "ejecucion", large.path])
        #expect(again.status == 0, "\(again.stderr)")
        func lines(_ path: String) throws -> [[String]] {
            try Ledger.open(path: path).currentBudgetLines(ejercicio: 2022).map {
                [$0.key.label, $0.amounts.vigente.plainText]
            }
        }
        let imported = try lines(path)
        #expect(imported == (try lines(reference.file("transparencia.sqlite").path)))
        #expect(imported.count == 3_000, "the large file's lines supersede the base file's")
    }

    @Test("two imports started at once never corrupt the ledger nor lose a run that reported success")
    func concurrentImports() throws {
        let (directory, _, path) = try freshLedger()
        var runs = 0
        for round in 0..<2 {
            let files = try (0..<2).map {
                try Self.executionFile(
                    directory, name: "r\(round)-\($0).csv", lines: 1_500, variant: round * 2 + $0 + 1)
            }
            var processes: [(Process, Pipe)] = []
            for file in files {
                let process = Process()
                process.executableURL = BinaryRunner.binary
                process.arguments = ["import", "ejecucion", file.path]
                process.currentDirectoryURL = directory.url
                let errors = Pipe()
                process.standardOutput = FileHandle.nullDevice
                process.standardError = errors
                try process.run()
                processes.append((process, errors))
            }
            var succeeded = 0
            for (process, errors) in processes {
                let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                if process.terminationStatus == 0 {
                    succeeded += 1
                } else {
                    // The only acceptable failure: the other import held the ledger longer than the wait.
                    #expect(process.terminationStatus == 2 && stderr.contains("otra importación"), "\(stderr)")
                }
            }
            #expect(try Self.integrity(path) == "ok", "round \(round)")
            runs += succeeded
            #expect(try Ledger.open(path: path).importRuns().count == runs, "round \(round): every success is a run")
        }
        #expect(runs >= 2)
    }
}
