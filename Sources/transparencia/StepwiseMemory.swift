import CMalloc

/// The malloc policy of the commands that go through a national year step by step (`export` and `publish` table by
/// table, `check` check by check, `banderas` indicator by indicator), each step freeing large arrays before the
/// next.
enum StepwiseMemory {
    /// Fixes glibc's mmap threshold at its default: with the adaptive threshold the steps' memory added up instead
    /// of being reused (export of the linked national year > 128 MB). Imports keep the adaptive threshold: a fixed
    /// one maps and unmaps their large per-batch buffers every time (twice the system time of `import ocds`).
    static func prepare() {
        transparencia_fix_mmap_threshold()
    }
}
