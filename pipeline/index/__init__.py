"""(stage package; described below)"""
