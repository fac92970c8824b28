"""News from the web: fetching feeds and pages, subscriptions, refresh, OPML (no Textual).

The command line (`tuireader add/refresh/feeds/opml`) and, later, the app call into this
package; what it fetches is written as Markdown files into the user's library folder, where
the library reads it like any other article.
"""
