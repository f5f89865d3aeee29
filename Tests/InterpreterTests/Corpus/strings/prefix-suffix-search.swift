let files = ["main.swift", "notes.md", "test_main.swift", "README.md"]
for f in files {
    if f.hasSuffix(".swift") {
        print("swift:", f)
    } else if f.hasPrefix("README") {
        print("readme:", f)
    } else {
        print("other:", f)
    }
}
print(files.filter { $0.hasPrefix("test") })
print(files.filter { $0.contains("main") }.count)
print(files.map { $0.count })
