let maybe: Int? = 5
let nothing: Int? = nil
if let value = maybe {
    print("got", value)
} else {
    print("nothing")
}
if let value = nothing {
    print("got", value)
} else {
    print("nothing")
}
if let maybe {
    print("shorthand", maybe)
}
if let a = maybe, let b = Int("7") {
    print("both", a + b)
}
if let a = maybe, a > 3 {
    print("big", a)
}
if let n = Int("x") {
    print("parsed", n)
} else {
    print("not a number")
}
