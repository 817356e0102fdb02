"""The UPR course's own code: everything the MkDocs hooks and the command-line tools share.

- course.content   modules, front matter, glossary and study time, as plain data
- course.language  the course's text in each language and its checks (termbase, dates, numbers)
- course.quizzes   quiz files: loading with line numbers, validation, item-writing rules, views
- course.site      the site's languages, templates, search, offline app and bundle
- course.trainer   handouts and answer keys
- course.export    quizzes for Moodle (GIFT) and other LMSs (QTI)
- course.check, course.build, course.handouts, course.scaffold, course.bench, course.icons:
  the commands behind `make check`, `make build` and the other targets (`python -m course.check`)
"""
