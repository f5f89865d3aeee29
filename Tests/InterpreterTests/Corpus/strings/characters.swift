let word = "swift"
for c in word {
    print(c)
}
print(Array(word))
print(word.first as Any, word.last as Any)
print(String(word.reversed()))
var vowels = 0
for c in word {
    if c == "a" || c == "e" || c == "i" || c == "o" || c == "u" {
        vowels += 1
    }
}
print(vowels)
let letters: [Character] = ["a", "b"]
print(letters)
print(String(letters))
