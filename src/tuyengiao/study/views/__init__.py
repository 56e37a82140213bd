"""Views of the study app, one module per topic (``study/urls.py`` names each module):

* ``rounds``    the list of rounds, opening one, its rate page and member list,
* ``sessions``  sessions and their attendance: ticked lists, self check-in, sign-in sheets,
* ``quizzes``   the comprehension test: settings, question bank, attempts, paper scores,
* ``essays``    essays, the rubric, grading and graders,
* ``exports``   the files (.xlsx, .docx) the pages offer.

Each view handles one POST action; every object is reached through ``tuyengiao.accounts.scoping``
(the lookups shared by the topics are in ``common``).
"""
