func check(_ label: String, _ value: Bool) -> Bool {
    print("checking", label)
    return value
}
print(check("a", false) && check("b", true))
print(check("c", true) || check("d", false))
print(check("e", true) && check("f", false))
print(check("g", false) || check("h", true))
print(!check("i", true))
let t = true
let f = false
print(t && f || t)
print(t || f && f)
print(!(t && f))
let counts = [0, 4]
let n = counts[0]
if n != 0 && 10 / n > 1 {
    print("unreachable")
} else {
    print("guarded division")
}
