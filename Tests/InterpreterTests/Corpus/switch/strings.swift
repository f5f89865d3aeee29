func kind(_ letter: String) -> String {
    switch letter {
    case "a", "e", "i", "o", "u":
        return "vowel"
    case "y":
        return "sometimes"
    case "":
        return "empty"
    default:
        return "consonant"
    }
}
for l in ["a", "b", "y", "u", ""] {
    print("[\(l)]", kind(l))
}
let command = "stop"
switch command {
case "go":
    print("going")
case "stop":
    print("stopping")
    print("stopped")
default:
    break
}
