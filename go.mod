module github.com/pluribus-go/pluribus

go 1.24.0

require github.com/x448/float16 v0.8.4 // indirect
