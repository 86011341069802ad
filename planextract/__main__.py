from planextract.cli import main

main()
