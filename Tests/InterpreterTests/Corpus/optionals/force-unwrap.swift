let text = "42"
let n = Int(text)!
print(n + 1)
let d = ["a": 1]
print(d["a"]!)
let list = [3, 1, 2]
print(list.min()!, list.first!)
var cached: Double? = nil
cached = 2.5
print(cached!)
