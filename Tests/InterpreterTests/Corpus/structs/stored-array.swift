struct Stack {
    var items: [Int] = []
    var isEmpty: Bool { items.isEmpty }
    var top: Int? { items.last }
    mutating func push(_ x: Int) {
        items.append(x)
    }
    mutating func pop() -> Int? {
        if items.isEmpty { return nil }
        let last = items[items.count - 1]
        var rest: [Int] = []
        for i in 0..<(items.count - 1) {
            rest.append(items[i])
        }
        items = rest
        return last
    }
}
var s = Stack()
print(s.isEmpty, s.top as Any)
s.push(1)
s.push(2)
s.push(3)
print(s)
print(s.pop() as Any, s.pop() as Any)
print(s.top as Any, s.items)
