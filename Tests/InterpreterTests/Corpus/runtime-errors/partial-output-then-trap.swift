// expect-error: 5:1: fatal error: stop
print("a", terminator: "")
print("b", terminator: "")
print("c", terminator: " ")
fatalError("stop")
