from jsonld_news.cli import main

main()
