struct Settings {
    var rate = 0.1
    var steps = 100
    var name: String
}
let s1 = Settings(name: "default")
let s2 = Settings(rate: 0.5, name: "fast")
let s3 = Settings(rate: 0.01, steps: 1000, name: "slow")
print(s1)
print(s2)
print(s3)
print(s1.rate * Double(s1.steps))
