let s = "Hello, Swift"
print(s.count)
print(s.isEmpty, "".isEmpty)
print(s.uppercased())
print(s.lowercased())
print(s.hasPrefix("Hello"), s.hasPrefix("hello"))
print(s.hasSuffix("Swift"), s.hasSuffix("!"))
print(s.contains("lo, S"), s.contains("xyz"))
let joined = s + "!" + "?"
print(joined)
print(s == "Hello, Swift")
