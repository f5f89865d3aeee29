var closures: [() -> Int] = []
for i in 0..<3 {
    closures.append { i * 100 }
}
print(closures.map { $0() })
var shared = 0
var readers: [() -> Int] = []
for _ in 0..<2 {
    readers.append { shared }
}
shared = 7
print(readers.map { $0() })
