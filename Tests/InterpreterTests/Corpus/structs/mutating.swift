struct Counter {
    var count = 0
    mutating func increment() {
        count += 1
    }
    mutating func add(_ n: Int) {
        count += n
    }
    mutating func reset() {
        count = 0
    }
}
var c = Counter()
c.increment()
c.increment()
c.add(5)
print(c.count)
c.reset()
print(c)
struct Walker {
    var x = 0.0
    var y = 0.0
    mutating func move(dx: Double, dy: Double) {
        x += dx
        y += dy
    }
}
var w = Walker()
w.move(dx: 1.5, dy: -1)
w.move(dx: 1.5, dy: 3)
print(w)
