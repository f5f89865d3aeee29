struct Counter {
    var count = 0
    var history: [Int] = []
    mutating func tick() { count += 1; record() }
    mutating func record() { history.append(count) }
    func doubled() -> Int { twice(count) }
    func twice(_ n: Int) -> Int { 2 * n }
}
var c = Counter()
c.tick(); c.tick()
print(c, c.doubled())
var counts: [String: Int] = [:]
for w in ["a", "b", "a"] { counts[w, default: 0] += 1 }
print(counts["a"]!, counts["b"]!)
