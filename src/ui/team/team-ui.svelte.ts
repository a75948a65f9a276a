/** View state of the team pages inside the app: whether the history panel is open. */
class TeamUi {
  historyOpen = $state(false);
}

export const teamUi = new TeamUi();
